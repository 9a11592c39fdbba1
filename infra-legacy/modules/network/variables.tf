variable "name_prefix" {
  description = "Stage name that prefixes every name (dev gives dev-vpc, dev-alb-sg, dev-ecs-tasks-sg)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name_prefix))
    error_message = "The name_prefix must be lowercase letters, digits or dashes."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "The vpc_cidr must be a valid IPv4 CIDR block."
  }
}

variable "public_subnets" {
  description = "Public subnet CIDR per availability zone (load balancer, NAT gateway)."
  type        = map(string)

  validation {
    condition     = length(var.public_subnets) >= 2 && alltrue([for cidr in values(var.public_subnets) : can(cidrhost(cidr, 0))])
    error_message = "The public_subnets needs at least two availability zones, each with a valid CIDR block."
  }
}

variable "private_subnets" {
  description = "Private subnet CIDR per availability zone (tasks, no public IP)."
  type        = map(string)

  validation {
    condition     = length(var.private_subnets) >= 2 && alltrue([for cidr in values(var.private_subnets) : can(cidrhost(cidr, 0))])
    error_message = "The private_subnets needs at least two availability zones, each with a valid CIDR block."
  }
}

variable "container_port_range" {
  description = "Lowest and highest container port the load balancer forwards to."
  type = object({
    from = number
    to   = number
  })

  validation {
    condition     = var.container_port_range.from >= 1 && var.container_port_range.from <= var.container_port_range.to && var.container_port_range.to <= 65535
    error_message = "The container_port_range must satisfy 1 <= from <= to <= 65535."
  }
}

variable "flow_log_retention_days" {
  description = "Days the VPC flow logs (rejected traffic) are kept."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365], var.flow_log_retention_days)
    error_message = "The flow_log_retention_days must be a CloudWatch Logs retention value."
  }
}
