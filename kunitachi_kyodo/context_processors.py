from django.conf import settings


def portal(request):
    """The portal's name and the roles the header navigation needs."""
    user = request.user
    return {
        "SITE_NAME": settings.SITE_NAME,
        "CITY_NAME": settings.CITY_NAME,
        "nav_is_staff": user.is_authenticated and user.is_office_or_city_staff,
    }
