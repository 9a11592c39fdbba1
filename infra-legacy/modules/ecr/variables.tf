variable "name_prefix" {
  description = "Prefix of every repository name, e.g. dev-stockwiz."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._-]*$", var.name_prefix))
    error_message = "The name_prefix must be lowercase letters, digits, dots, dashes or underscores."
  }
}

variable "repositories" {
  description = "Repository suffixes; each becomes <name_prefix>-<suffix>."
  type        = set(string)

  validation {
    condition     = length(var.repositories) > 0 && alltrue([for r in var.repositories : can(regex("^[a-z0-9][a-z0-9-]*$", r))])
    error_message = "The repositories must be a non-empty set of lowercase names."
  }
}

variable "image_max_age_days" {
  description = "Images expire this many days after their push: how old a commit prod can still be promoted from."
  type        = number
  default     = 90

  validation {
    condition     = var.image_max_age_days >= 1
    error_message = "The image_max_age_days must be at least 1."
  }
}

variable "untagged_expiry_days" {
  description = "Untagged manifests (left by interrupted pushes) expire after this many days."
  type        = number
  default     = 1

  validation {
    condition     = var.untagged_expiry_days >= 1
    error_message = "The untagged_expiry_days must be at least 1."
  }
}
