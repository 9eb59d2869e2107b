"""マイページ's task list: what is waiting for this person, counted, with where to do it.

Each app's `mypage` module says what waits in its stage (`tasks_of(user)`) and registers it
here (`waits_in`), like the timeline's rows, so that マイページ and the header's count read one
list without importing a stage. A task with nothing waiting is left out, so an empty list
means "nothing to do".
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Task:
    label: str  # what waits, said as the person would ("一次審査を待つ提案")
    count: int
    url: str  # where to do it


_SOURCES: list[Callable] = []


def waits_in(fn):
    """Register a stage's `tasks_of(user) -> list[Task]`; stages list in INSTALLED_APPS order."""
    _SOURCES.append(fn)
    return fn


def waiting(*tasks: Task) -> list[Task]:
    """The tasks with something waiting."""
    return [task for task in tasks if task.count]


def tasks_of(user) -> list[Task]:
    """What waits for a signed-in person in every stage."""
    return [task for source in _SOURCES for task in source(user)]


def tasks_of_request(request: HttpRequest) -> list[Task]:
    """The signed-in person's tasks, computed at most once per request (page and header share them).

    Anonymous visitors have none, and pay no query for it.
    """
    if not hasattr(request, "_waiting_tasks"):
        user = request.user
        request._waiting_tasks = tasks_of(user) if user.is_authenticated else []
    return request._waiting_tasks


def task_count_of(request: HttpRequest) -> int:
    """How many things wait for the person: the sum of the counts マイページ lists."""
    return sum(task.count for task in tasks_of_request(request))
