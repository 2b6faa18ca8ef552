terraform {
  backend "s3" {
    bucket         = "orderly-terraform-state"
    key            = "staging/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "orderly-terraform-locks"
    encrypt        = true
  }
}
