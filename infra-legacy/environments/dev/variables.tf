variable "aws_region" {
  description = "Region of the whole deployment; the SST stacks are pinned to us-east-1 too."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.aws_region))
    error_message = "The aws_region must be an AWS region name such as us-east-1."
  }
}

variable "environment" {
  description = "Stage name; every physical name derives from it (dev-alb, dev-cluster, /ecs/dev, ...)."
  type        = string
  default     = "dev"

  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,9}$", var.environment))
    error_message = "The environment must be 2-10 lowercase letters or digits, starting with a letter."
  }
}

variable "image_tag" {
  description = "Tag every StockWiz image runs with: the commit SHA the images were built from."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest"
    error_message = "The image_tag must be a valid, immutable Docker tag (the commit SHA; not latest)."
  }
}

variable "alert_email" {
  description = "Address subscribed to the alerts topic; a setting, never a literal in code."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alert_email))
    error_message = "The alert_email must be an e-mail address."
  }
}

variable "extra_tags" {
  description = "Tags added to every resource besides Project, Environment and ManagedBy."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.extra_tags) : !contains(["Project", "Environment", "ManagedBy"], key)])
    error_message = "The extra_tags must not override Project, Environment or ManagedBy."
  }
}
