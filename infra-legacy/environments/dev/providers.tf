locals {
  # On every resource through default_tags; extra_tags cannot override these.
  default_tags = {
    Project     = "stockwiz"
    Environment = var.environment
    ManagedBy   = "terraform"
    Repository  = "stockwiz/infra-legacy"
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge(var.extra_tags, local.default_tags)
  }
}
