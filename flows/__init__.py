"""qualbridge's Prefect flows: one per stage, composed by the pipeline and the hub merge."""
