"""マイページ's task list: what is waiting for this person, counted, with where to do it.

Each app's `mypage` module says what waits in its stage (`tasks_of(user)`); the page puts
them together. A task with nothing waiting is left out, so an empty list means "nothing to do".
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    label: str  # what waits, said as the person would ("一次審査を待つ提案")
    count: int
    url: str  # where to do it


def waiting(*tasks: Task) -> list[Task]:
    """The tasks with something waiting."""
    return [task for task in tasks if task.count]
