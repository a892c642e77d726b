"""The one way the module reports a problem a student or teacher can fix.

Helpers raise `CourseProblem` (or a subclass) with a message that names the file and the fix;
widgets catch it and show the message in the page instead of a traceback.
"""

from __future__ import annotations


class CourseProblem(ValueError):
    """A problem with input (a text, a catalogue, a save file) that a person can fix.

    `problems` lists every reason found, each naming the file and what to do.
    """

    def __init__(self, problems: list[str] | str, what: str = "problem"):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        if len(self.problems) == 1:
            super().__init__(self.problems[0])
        else:
            heading = f"{len(self.problems)} {what}s:"
            super().__init__("\n".join([heading, *(f"- {p}" for p in self.problems)]))
