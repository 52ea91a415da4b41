"""Detectors: text detectors (keywords, regex) and row detectors (classifier,
user reports, device match)."""

from policy.detectors.base import Hit, NormCache, TextCache, TextDetector
from policy.detectors.keywords import KeywordsDetector
from policy.detectors.regex import RegexDetector, compile_re2
from policy.detectors.signals import Classifier, DeviceMatch, UserReports

__all__ = [
    "Classifier",
    "DeviceMatch",
    "Hit",
    "KeywordsDetector",
    "NormCache",
    "RegexDetector",
    "TextCache",
    "TextDetector",
    "UserReports",
    "compile_re2",
]
