from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    """The back office of editors and reviewers: writing, review queues, history. No models."""

    name = "workspace"
    verbose_name = "工作台"
