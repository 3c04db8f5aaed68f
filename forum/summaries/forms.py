from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length


class ReportProblemForm(FlaskForm):
    note = TextAreaField(
        "What is wrong or out of date?",
        description="For example a claim you think is wrong, or a link that no longer works.",
        validators=[DataRequired("Please describe the problem."), Length(min=10, max=2000)],
    )
