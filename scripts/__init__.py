"""Build hooks and editor checks for the Chỉ thị 28 site. Each module has one job."""
