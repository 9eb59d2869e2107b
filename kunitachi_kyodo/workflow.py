"""The one workflow engine: every stateful thing moves through a table of this shape.

A `Workflow` is a table of `Transition` rows plus the roles that may act on its
things. Each row says who may move it (role names, each a named predicate), from
where to where, what must be true (named guards, next to the table), and what
staff and the public read. `Workflow.perform` is the only writer of a state: it
locks the row, checks the actor and the guards, changes the state, writes the
audit row and, after the commit, tells people. Views (which buttons show),
services and the tests (every move × every persona) all read the tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

# Sent with `obj` after every move, inside its transaction: a move writes its state with
# QuerySet.update(), which sends no post_save (the search index listens).
moved = Signal()

# A guard looks at the locked object (and the move's context) and returns the
# problems that stop the move, in words the actor understands; [] lets it pass.
GuardCheck = Callable[..., list[str]]


class MoveNotAvailable(PermissionDenied):
    """The table has no such move from the thing's present state (e.g. a second click)."""

    def __init__(self, label: str = "") -> None:
        super().__init__(
            _("今の状態（%(state)s）では、この操作はできません。") % {"state": label}
            if label
            else _("今の状態では、この操作はできません。")
        )


@dataclass(frozen=True)
class Guard:
    name: str
    check: GuardCheck

    def __call__(self, obj, context: MoveContext) -> list[str]:
        return [str(p) for p in self.check(obj, context)]


@dataclass(frozen=True)
class ContextRole:
    """A role held only inside a particular act, never by a person browsing.

    E.g. deciding a proposal is the publication of its review round: the predicate
    sees the move's context (the round being published) and a page never shows the
    button, because outside that act there is no context and the role is not held.
    """

    predicate: Callable[..., bool]


@dataclass(frozen=True)
class Transition:
    action: str
    source: str
    target: str
    actors: frozenset[str]
    label: str  # the button the actor sees
    public_label: str = ""  # the line on the public timeline ("" = not shown publicly)
    comment_required: bool = False
    comment_is_public: bool = False  # decisions carry their reason to the public
    style: str = "primary"
    guards: tuple[Guard, ...] = ()
    # What cannot be undone, said on a confirmation page before the move ("" = no page).
    irreversible: str = ""

    @property
    def is_public(self) -> bool:
        return bool(self.public_label)


def moves(action, sources, target, actors, label, public_label="", **extra) -> list[Transition]:
    """The same move from several states: one row per source state."""
    return [
        Transition(action, source, target, frozenset(actors), label, public_label, **extra)
        for source in sources
    ]


@dataclass
class MoveContext:
    actor: object
    action: str
    comment: str
    now: object
    transition: Transition
    extra: dict = field(default_factory=dict)


class AuditEntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class AuditEntry(models.Model):
    """The audit row of one move: who, from, to, why, when, and whether the public sees it.

    Each stateful model has its own concrete audit table with a foreign key to it.
    """

    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(gettext_lazy("操作"), max_length=40)
    from_status = models.CharField(gettext_lazy("変更前"), max_length=20)
    to_status = models.CharField(gettext_lazy("変更後"), max_length=20)
    comment = models.TextField(gettext_lazy("理由・コメント"), max_length=4000, blank=True)
    is_public = models.BooleanField(pgettext_lazy("the public may see it", "公開"), default=False)
    comment_is_public = models.BooleanField(gettext_lazy("コメントを公開"), default=False)
    created_at = models.DateTimeField(gettext_lazy("日時"), default=timezone.now, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.subject}: {self.from_status} → {self.to_status}"

    @property
    def subject(self):
        raise NotImplementedError

    @property
    def public_comment(self) -> str:
        return self.comment if self.comment_is_public else ""


def _holds(predicate, user, obj) -> bool:
    # Named permission predicates (rules) are tested; plain functions are called.
    test = getattr(predicate, "test", None)
    return bool(test(user, obj) if test else predicate(user, obj))


class Workflow:
    """One table: its transitions, the roles that act on it, and where its audit rows go."""

    def __init__(
        self,
        *,
        name: str,
        transitions: Iterable[Transition],
        roles: dict[str, Callable[[object, object], bool] | ContextRole],
        audit_model: type[AuditEntry],
        subject_field: str,
        state_field: str = "status",
        is_public: Callable[[object, Transition, str], bool] | None = None,
        events: dict[str, str] | None = None,
        explain: Callable[[object, object, object], str | None] | None = None,
    ) -> None:
        self.name = name
        self.transitions = list(transitions)
        self.roles = roles
        self.audit_model = audit_model
        self.subject_field = subject_field
        self.state_field = state_field
        self._is_public = is_public
        # Acts recorded on the thing's timeline that change no state (action → public wording).
        self.events = events or {}
        # Says why a predicate refuses (organizations.permissions.refusal walks combinations).
        self._explain = explain or (lambda predicate, user, obj: getattr(predicate, "reason", ""))
        self._by_key = {(t.source, t.action): t for t in self.transitions}
        unknown = {a for t in self.transitions for a in t.actors} - set(roles)
        if unknown:
            raise ValueError(f"{name}: roles without a predicate: {sorted(unknown)}")

    # --- reading the table ---------------------------------------------------------

    def transition_for(self, state: str, action: str) -> Transition | None:
        return self._by_key.get((state, action))

    def transitions_from(self, state: str) -> list[Transition]:
        return [t for t in self.transitions if t.source == state]

    def roles_of(self, user, obj, context: MoveContext | None = None) -> set[str]:
        if user is None or not user.is_authenticated:
            return set()
        held = set()
        for name, predicate in self.roles.items():
            if isinstance(predicate, ContextRole):
                if context is not None and predicate.predicate(user, obj, context):
                    held.add(name)
            elif _holds(predicate, user, obj):
                held.add(name)
        return held

    def refusal(self, actors, user, obj) -> str:
        """Why `user` holds none of the roles `actors` on `obj`, in the predicates' words."""
        for role in sorted(actors):
            predicate = self.roles[role]
            if isinstance(predicate, ContextRole):
                continue
            reason = self._explain(predicate, user, obj)
            if reason:
                return str(reason)
        return _("この操作を行う権限がありません。")

    def allowed(self, user, obj) -> list[Transition]:
        """The moves this user may offer on obj now (guards are checked when performed)."""
        roles = self.roles_of(user, obj)
        state = getattr(obj, self.state_field)
        return [t for t in self.transitions_from(state) if t.actors & roles]

    def describe(self, entry: AuditEntry) -> str:
        """What an audit row says on a timeline: the public wording when there is one."""
        if entry.action in self.events:
            # An event's comment names what was published (e.g. 第三者評価).
            label = str(self.events[entry.action])
            return f"{label}（{entry.comment}）" if entry.comment else label
        transition = self.transition_for(entry.from_status, entry.action)
        if transition is None:
            return entry.to_status
        return str(transition.public_label or transition.label)

    # --- moving --------------------------------------------------------------------

    def perform(
        self,
        obj,
        *,
        action: str,
        actor,
        comment: str = "",
        on_change: Callable[[object, AuditEntry, Transition, MoveContext], None] | None = None,
        **extra,
    ):
        """Move obj along the table: lock, check actor and guards, change, audit, notify.

        `on_change` writes the state and whatever else the move changes (times, who)
        and queues the notifications; without it only the state is written.
        """
        model = type(obj)
        with transaction.atomic():
            locked = model.objects.select_for_update(of=("self",)).get(pk=obj.pk)
            state = getattr(locked, self.state_field)
            transition = self.transition_for(state, action)
            if transition is None:
                display = getattr(locked, f"get_{self.state_field}_display", None)
                raise MoveNotAvailable(str(display()) if display else state)
            comment = (comment or "").strip()
            context = MoveContext(
                actor=actor,
                action=action,
                comment=comment,
                now=timezone.now(),
                transition=transition,
                extra=extra,
            )
            if not (transition.actors & self.roles_of(actor, locked, context)):
                raise PermissionDenied(self.refusal(transition.actors, actor, locked))
            if transition.comment_required and not comment:
                raise ValidationError({"comment": _("理由を入力してください。")})
            problems = self._guard_problems(locked, transition, context)
            if problems:
                raise ValidationError(problems)
            public = (
                self._is_public(locked, transition, state)
                if self._is_public
                else transition.is_public
            )
            setattr(locked, self.state_field, transition.target)
            entry = self.record(
                locked,
                actor=actor,
                action=action,
                from_status=state,
                to_status=transition.target,
                comment=comment,
                is_public=public,
                comment_is_public=transition.comment_is_public,
            )
            if on_change:
                on_change(locked, entry, transition, context)
            else:
                model.objects.filter(pk=locked.pk).update(**{self.state_field: transition.target})
            moved.send(sender=model, obj=locked)
        if locked is not obj:
            obj.refresh_from_db()  # the caller's copy shows the move too
        return locked

    def would_go(self, obj, *, action: str, actor, comment: str = "", **extra) -> bool:
        """Whether the move would be made now (a dry run of perform's checks: nothing locked
        or written), e.g. to ask for a confirmation only before a move that can happen."""
        context = self._dry_run(obj, action, actor, comment, extra)
        if context is None:
            return False
        transition = context.transition
        return (
            bool(transition.actors & self.roles_of(actor, obj, context))
            and not (transition.comment_required and not context.comment)
            and not self._guard_problems(obj, transition, context)
        )

    def what_stops(self, obj, *, action: str, actor, skip=(), **extra) -> list[str]:
        """The guards' reasons the move cannot be made now, in the words perform would use
        (e.g. to list them on a page before the person presses the button); `skip` leaves
        out guards the page already says in its own way."""
        context = self._dry_run(obj, action, actor, "", extra)
        if context is None:
            return []
        return [
            problem
            for guard in context.transition.guards
            if guard not in skip
            for problem in guard(obj, context)
        ]

    def _dry_run(self, obj, action, actor, comment, extra) -> MoveContext | None:
        transition = self.transition_for(getattr(obj, self.state_field), action)
        if transition is None:
            return None
        return MoveContext(
            actor=actor,
            action=action,
            comment=(comment or "").strip(),
            now=timezone.now(),
            transition=transition,
            extra=extra,
        )

    @staticmethod
    def _guard_problems(obj, transition: Transition, context: MoveContext) -> list[str]:
        return [p for guard in transition.guards for p in guard(obj, context)]

    def record_event(self, obj, *, action: str, actor, comment: str = "") -> AuditEntry:
        """A public act on obj that changes no state (e.g. an evaluation is published).

        `comment` names what the act concerns; it is part of the public wording.
        """
        if action not in self.events:
            raise ValueError(f"{self.name}: unknown event {action!r}")
        state = getattr(obj, self.state_field)
        return self.record(
            obj,
            actor=actor,
            action=action,
            from_status=state,
            to_status=state,
            comment=comment,
            is_public=True,
        )

    def record(self, obj, **fields) -> AuditEntry:
        """An audit row for obj (also for events that change no state, e.g. a publication)."""
        return self.audit_model.objects.create(**{self.subject_field: obj}, **fields)
