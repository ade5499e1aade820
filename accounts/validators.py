from django.core.exceptions import ValidationError


class CharacterClassValidator:
    """A password needs three of: lower-case letters, upper-case letters, digits, symbols."""

    def __init__(self, classes=3):
        self.classes = classes

    def validate(self, password, user=None):
        found = sum(
            [
                any(c.islower() for c in password),
                any(c.isupper() for c in password),
                any(c.isdigit() for c in password),
                any(not c.isalnum() for c in password),
            ]
        )
        if found < self.classes:
            raise ValidationError(
                f"密码需包含小写字母、大写字母、数字、符号中的至少 {self.classes} 类。", code="password_too_simple"
            )

    def get_help_text(self):
        return f"密码需包含小写字母、大写字母、数字、符号中的至少 {self.classes} 类。"
