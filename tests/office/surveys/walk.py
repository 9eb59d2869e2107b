"""The survey objects the URL × persona walk (tests/test_url_permissions.py) visits."""

from .factories import make_survey


def survey_url_args(users) -> dict[str, list]:
    published = make_survey(users["support_office"], status="published")
    name = "support_office:surveys:{}".format
    return {
        name("detail"): [published.pk],
        name("results"): [published.pk],
        name("results_csv"): [published.pk],
        name("edit"): [published.pk],
        name("question_add"): [published.pk],
        name("question_delete"): [published.pk, published.questions.first().pk],
        name("results_choose"): [published.pk],
        name("move"): [published.pk, "close"],
    }
