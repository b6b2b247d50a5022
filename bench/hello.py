"""The smallest Typer command: what any Typer 0.29 command costs here (it builds pydantic
TypeAdapters for its parameters), measured beside ctt by run.py."""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "x") -> None:
    print(name)


if __name__ == "__main__":
    app()
