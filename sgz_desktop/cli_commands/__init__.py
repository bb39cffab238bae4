"""The sub-commands of ``sgz``, one module per area, each with ``register(subcommands)``.

A new area adds a module here (``sgz volunteers ...``, ``sgz archives ...``) and its name to
``COMMAND_MODULES``; handlers take a ``base.Context`` and return the exit code.
"""

COMMAND_MODULES = [
    "sgz_desktop.cli_commands.station",
    "sgz_desktop.cli_commands.users",
    "sgz_desktop.cli_commands.backup",
    "sgz_desktop.cli_commands.staff",
    "sgz_desktop.cli_commands.volunteers",
    "sgz_desktop.cli_commands.about",
    "sgz_desktop.cli_commands.package",
    "sgz_desktop.cli_commands.verify",
    "sgz_desktop.cli_commands.finance",  # after staff: it extends ``sgz report``
    "sgz_desktop.cli_commands.archives",
]

# Commands whose modules alone are loaded when the command is given (``cli.build_parser``): ``sgz verify`` runs on
# the subdistrict's PC with only the package, and loading every area's modules (the database layer, Excel) cost
# it 0.7 s and 55 MB before it read a byte. Any other command loads every module.
LIGHT_COMMANDS = {"verify": "sgz_desktop.cli_commands.verify"}
