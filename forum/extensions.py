"""Flask extensions, created unbound and initialised in create_app."""

from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
# Storage comes from RATELIMIT_STORAGE_URI: memory in development, Redis (REDIS_URL) in production.
limiter = Limiter(key_func=get_remote_address)

login_manager.login_view = "auth.sign_in"
login_manager.login_message = "Please sign in to continue."
login_manager.login_message_category = "info"
