provider "aws" {
  region = var.aws_region

  default_tags {
    tags = merge(var.extra_tags, {
      Project     = "stockwiz"
      Environment = var.environment
      ManagedBy   = "terraform"
      Repository  = "stockwiz/infra-legacy"
    })
  }
}
