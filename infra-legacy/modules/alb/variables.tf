variable "name" {
  description = "Name of the load balancer, e.g. dev-alb."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]$", var.name))
    error_message = "The name must be 2-32 letters, digits or dashes, not starting or ending with a dash."
  }
}

variable "vpc_id" {
  description = "VPC of the target groups."
  type        = string
}

variable "subnet_ids" {
  description = "Public subnets the load balancer spans (at least two AZs)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "An application load balancer needs subnets in at least two availability zones."
  }
}

variable "security_group_id" {
  description = "Security group of the load balancer, declared by the network module."
  type        = string
}

variable "listener_port" {
  description = "Port of the HTTP listener that holds the path rules."
  type        = number
  default     = 80

  validation {
    condition     = var.listener_port >= 1 && var.listener_port <= 65535
    error_message = "The listener_port must be a TCP port."
  }
}

variable "services" {
  description = "Target group name and container port per service, keyed by container name."
  type = map(object({
    port         = number
    target_group = string
  }))

  validation {
    condition     = alltrue([for s in values(var.services) : s.port >= 1 && s.port <= 65535 && length(s.target_group) <= 32])
    error_message = "Each service needs a TCP port and a target group name of at most 32 characters."
  }
}

variable "routes" {
  description = "Listener rule per service that is not the default: priority and path patterns."
  type = map(object({
    priority      = number
    path_patterns = list(string)
  }))

  validation {
    condition     = alltrue([for r in values(var.routes) : r.priority >= 1 && r.priority <= 50000 && length(r.path_patterns) >= 1 && length(r.path_patterns) <= 5])
    error_message = "Each route needs a priority in 1-50000 and 1-5 path patterns."
  }

  validation {
    condition     = length(distinct([for r in values(var.routes) : r.priority])) == length(var.routes)
    error_message = "Route priorities must be unique."
  }
}

variable "default_service" {
  description = "Service that takes every path no rule matches (the gateway)."
  type        = string
}

variable "health_check_path" {
  description = "Path every target group polls."
  type        = string
  default     = "/health"

  validation {
    condition     = startswith(var.health_check_path, "/")
    error_message = "The health_check_path must start with a slash."
  }
}

variable "health_check_interval" {
  description = "Seconds between health checks; legacy used 60, 30 finds a dead target twice as fast."
  type        = number
  default     = 60

  validation {
    condition     = var.health_check_interval >= 5 && var.health_check_interval <= 300
    error_message = "The health_check_interval must be 5-300 seconds."
  }
}

variable "health_check_timeout" {
  description = "Seconds a health check may take."
  type        = number
  default     = 10

  validation {
    condition     = var.health_check_timeout >= 2 && var.health_check_timeout <= 120
    error_message = "The health_check_timeout must be 2-120 seconds."
  }
}

variable "healthy_threshold" {
  description = "Consecutive passes before a target is healthy."
  type        = number
  default     = 2

  validation {
    condition     = var.healthy_threshold >= 2 && var.healthy_threshold <= 10
    error_message = "The healthy_threshold must be 2-10."
  }
}

variable "unhealthy_threshold" {
  description = "Consecutive failures before a target is unhealthy."
  type        = number
  default     = 3

  validation {
    condition     = var.unhealthy_threshold >= 2 && var.unhealthy_threshold <= 10
    error_message = "The unhealthy_threshold must be 2-10."
  }
}

variable "deregistration_delay" {
  description = "Seconds in-flight requests get after a target leaves, before ECS stops it."
  type        = number
  default     = 30

  validation {
    condition     = var.deregistration_delay >= 0 && var.deregistration_delay <= 3600
    error_message = "The deregistration_delay must be 0-3600 seconds."
  }
}

variable "access_log_retention_days" {
  description = "Days the load balancer's access logs are kept."
  type        = number
  default     = 30

  validation {
    condition     = var.access_log_retention_days >= 1
    error_message = "The access_log_retention_days must be at least 1."
  }
}
