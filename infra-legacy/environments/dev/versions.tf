terraform {
  required_version = ">= 1.6.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # Partial configuration: a backend block cannot read variables, so bucket,
  # key, region and encrypt come from `terraform init -backend-config=backend.hcl`.
  backend "s3" {}
}
