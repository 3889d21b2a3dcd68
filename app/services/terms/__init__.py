"""Terminology: the glossary, matching Russian terms and English renderings, checks and fixes."""
