"""qinglang (清朗): expose the financial black/gray industry hiding in a lender's complaints."""

__version__ = "0.1.0"
