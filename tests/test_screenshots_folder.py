"""`make test` leaves the checkout clean: browser tests save screenshots where git ignores them."""

import subprocess

from tests.browser.conftest import SCREENSHOTS


def test_browser_tests_save_screenshots_in_a_folder_git_ignores():
    # Without --no-index a tracked file never counts as ignored, so docs/screenshots/ (tracked) fails this.
    shot = SCREENSHOTS / "home-phone.png"
    result = subprocess.run(["git", "check-ignore", "--quiet", str(shot)], cwd=SCREENSHOTS.parents[1], check=False)
    assert result.returncode == 0, f"{shot} would show in git status"
