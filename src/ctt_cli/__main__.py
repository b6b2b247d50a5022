from ctt_cli.commands.entry import main

if __name__ == "__main__":
    main()
