"""News (お知らせ): the public list, page and feed; writing, review and the newsletter."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_filters.views import FilterView

from kunitachi_kyodo.feeds import EntriesFeed
from kunitachi_kyodo.lists import ForgivingPaginationMixin
from kunitachi_kyodo.values import values_from
from kunitachi_kyodo.workflow import MoveNotAvailable
from organizations.permissions import require
from organizations.views.accounts import add_form_errors

from . import newsletter as letters
from . import selectors, services
from .filters import PostFilter
from .forms import PostForm, ReturnForm, SubscribeForm
from .models import Newsletter, Post, Subscriber
from .workflow import POST_WORKFLOW

# --- Public pages -------------------------------------------------------------------------


class PostListView(ForgivingPaginationMixin, FilterView):
    filterset_class = PostFilter
    template_name = "support_office/news/post_list.html"
    paginate_by = 20

    def get_queryset(self):
        return selectors.public_posts()

    def get_context_data(self, **kwargs):
        user = self.request.user
        return {
            **super().get_context_data(**kwargs),
            "can_post": user.is_authenticated and user.has_perm("news.create_post"),
        }


post_list = PostListView.as_view()


def _post(request: HttpRequest, pk: int) -> Post:
    post = selectors.visible_post(request.user, pk)
    if post is None:
        raise Http404
    return post


def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_page(request, _post(request, pk))


def _post_page(request, post: Post, *, return_form=None, status=200) -> HttpResponse:
    user = request.user
    moves = POST_WORKFLOW.allowed(user, post)
    can_edit = (
        user.is_authenticated
        and user.has_perm("news.edit_post", post)
        and (
            post.organization_id is None or post.status in (Post.Status.DRAFT, Post.Status.RETURNED)
        )
    )
    return render(
        request,
        "support_office/news/post_detail.html",
        {
            "post": post,
            "moves": [m for m in moves if not m.comment_required],
            "comment_moves": [m for m in moves if m.comment_required],
            "return_form": return_form or ReturnForm(),
            "can_edit": can_edit,
            "is_private": not post.is_public,
            # A returned post's writers see why.
            "last_reason": (
                post.status_changes.filter(to_status=Post.Status.RETURNED).last()
                if not post.is_public
                else None
            ),
        },
        status=status,
    )


class NewsFeed(EntriesFeed):
    """Atom feed of published posts (the entries: news/feeds.py)."""

    slugs = ("news",)
    link = reverse_lazy("support_office:news:list")

    def title(self):
        return _("%(site)s 支援室のお知らせ") % {"site": settings.SITE_NAME}

    def subtitle(self):
        return _("NPO活動支援室と登録団体のお知らせの新着です。")


# --- Writing -----------------------------------------------------------------------------


def _form_page(request: HttpRequest, post: Post | None) -> HttpResponse:
    form = PostForm(request.POST or None, instance=post, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.post_save(
                user=request.user,
                values=values_from(
                    form,
                    services.PostValues,
                    organization=form.cleaned_data.get("organization"),
                ),
                post=post,
            )
        except ValidationError as error:
            add_form_errors(form, error)
        else:
            messages.success(
                request,
                _("保存しました。内容を確かめてから公開してください。")
                if saved.organization_id is None and not saved.is_public
                else _("保存しました。"),
            )
            return redirect(saved)
    return render(request, "support_office/news/post_form.html", {"form": form, "post": post})


@login_required
def post_create(request: HttpRequest) -> HttpResponse:
    require(request.user, "news.create_post")
    return _form_page(request, None)


@login_required
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = _post(request, pk)
    require(request.user, "news.edit_post", post)
    if post.organization_id is not None and post.status in (
        Post.Status.SUBMITTED,
        Post.Status.PUBLISHED,
    ):
        raise PermissionDenied(
            _("支援室に提出したお知らせは変更できません。差し戻されたら直せます。")
        )
    return _form_page(request, post)


@require_POST
@login_required
def post_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    post = _post(request, pk)
    transition = POST_WORKFLOW.transition_for(post.status, action)
    if transition is not None and transition.comment_required:
        form = ReturnForm(request.POST)
        if not form.is_valid():
            return _post_page(request, post, return_form=form, status=400)
    try:
        services.post_transition(
            post=post, action=action, actor=request.user, comment=request.POST.get("comment", "")
        )
    except MoveNotAvailable as refusal:
        messages.error(request, str(refusal))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        post.refresh_from_db()
        messages.success(
            request,
            _("「%(title)s」を%(state)sにしました。")
            % {"title": post.title, "state": post.get_status_display()},
        )
    return redirect(post)


@login_required
def my_posts(request: HttpRequest) -> HttpResponse:
    require(request.user, "news.list_own_posts")
    return render(
        request,
        "support_office/news/my_posts.html",
        {
            "posts": selectors.posts_of(request.user)[:200],
            "can_post": request.user.has_perm("news.create_post"),
        },
    )


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    require(request.user, "news.review_posts")
    return render(
        request,
        "support_office/news/review_queue.html",
        {
            "posts": selectors.posts_awaiting_review(),
            "newsletters": Newsletter.objects.all()[:12],
        },
    )


# --- Subscriptions -----------------------------------------------------------------------


def subscribe(request: HttpRequest) -> HttpResponse:
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscription_request(email=form.cleaned_data["email"])
        return redirect("support_office:news:subscribe_sent")
    return render(request, "support_office/news/subscribe.html", {"form": form})


def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "support_office/news/subscribe_sent.html")


def subscribe_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.subscription_confirm(token=token)
    except ValidationError as error:
        return render(
            request,
            "support_office/news/subscription_done.html",
            {"problem": error.messages[0]},
            status=400,
        )
    return render(request, "support_office/news/subscription_done.html", {"confirmed": True})


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """A GET shows a button (mail scanners open links); the POST stops the newsletter."""
    try:
        services.email_from(token, "unsubscribe")
    except ValidationError as error:
        return render(
            request,
            "support_office/news/subscription_done.html",
            {"problem": error.messages[0]},
            status=400,
        )
    if request.method == "POST":
        services.subscription_cancel(token=token)
        return render(request, "support_office/news/subscription_done.html", {"unsubscribed": True})
    return render(request, "support_office/news/unsubscribe.html")


# --- The newsletter ------------------------------------------------------------------------


def _month(year: int, month: int) -> datetime.date:
    try:
        return datetime.date(year, month, 1)
    except ValueError:
        raise Http404 from None


@login_required
def newsletter_current(request: HttpRequest) -> HttpResponse:
    require(request.user, "news.send_newsletter")
    today = timezone.localdate()
    return redirect("support_office:news:newsletter_preview", today.year, today.month)


@login_required
def newsletter_preview(request: HttpRequest, year: int, month: int) -> HttpResponse:
    require(request.user, "news.send_newsletter")
    first = _month(year, month)
    letter = letters.build(first)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "support_office/news/newsletter_preview.html",
        {
            "letter": letter,
            "text": letters.text_of(letter, unsubscribe_url=_("（購読者ごとの配信停止のリンク）")),
            "sent": Newsletter.objects.filter(month=first).first(),
            "recipient_count": Subscriber.objects.receiving().count(),
            "previous": previous,
            "following": following,
        },
    )


@require_POST
@login_required
def newsletter_send(request: HttpRequest, year: int, month: int) -> HttpResponse:
    require(request.user, "news.send_newsletter")
    first = _month(year, month)
    try:
        sent = services.newsletter_send(month=first, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(count)s件の送信を予約しました。") % {"count": sent.recipient_count},
        )
    return redirect(
        reverse("support_office:news:newsletter_preview", args=[first.year, first.month])
    )
