"""actorgraph pipelines: from French news text to resolved actor mentions."""

__version__ = "0.1.0"
