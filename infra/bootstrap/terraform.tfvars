region            = "eu-west-1"
state_bucket_name = "orderly-terraform-state"
lock_table_name   = "orderly-terraform-locks"
github_repository = "orderly/orderly"
environments      = ["staging", "production"]
