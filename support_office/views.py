"""The support office's hub page: what the office does, each function a link."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def office_home(request: HttpRequest) -> HttpResponse:
    """支援室: public; lists the office's functions (each app adds its section to the template)."""
    return render(request, "support_office/home.html")
