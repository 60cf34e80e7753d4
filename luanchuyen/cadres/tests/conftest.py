from luanchuyen.cadres.tests.fixtures import _fast_passwords, as_role, world  # noqa: F401
