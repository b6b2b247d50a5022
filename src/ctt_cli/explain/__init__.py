"""The Vietnamese sentences that say what a result means and why: state labels, reasons a level is
missed, evidence wording. Shared by the terminal printers and the documents."""
