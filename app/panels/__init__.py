"""The main window's side panels: scenario, policy, feed, run controls."""
