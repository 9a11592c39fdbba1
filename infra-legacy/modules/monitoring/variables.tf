variable "name_prefix" {
  description = "Stage name: dev gives dev-alerts and alarms named dev-stockwiz-*."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name_prefix))
    error_message = "The name_prefix must be lowercase letters, digits or dashes."
  }
}

variable "alert_email" {
  description = "Address subscribed to the alerts topic (confirm the subscription mail once)."
  type        = string

  validation {
    condition     = can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", var.alert_email))
    error_message = "The alert_email must be an e-mail address."
  }
}

variable "cluster_name" {
  description = "ECS cluster of the service (ClusterName dimension)."
  type        = string
}

variable "service_name" {
  description = "ECS service (ServiceName dimension)."
  type        = string
}

variable "load_balancer_arn_suffix" {
  description = "ARN suffix of the load balancer (LoadBalancer dimension)."
  type        = string
}

variable "app_services" {
  description = "Target group name per service, keyed by container name: one unhealthy-hosts alarm each."
  type = map(object({
    port         = number
    target_group = string
  }))
}

variable "target_group_arn_suffixes" {
  description = "Target group ARN suffix per service (TargetGroup dimension)."
  type        = map(string)
}

variable "thresholds" {
  description = "Alarm thresholds: CPU and memory percent, unhealthy targets, target 5xx answers per period."
  type = object({
    cpu_percent      = number
    memory_percent   = number
    unhealthy_hosts  = number
    target_5xx_count = number
  })
  default = {
    cpu_percent      = 80
    memory_percent   = 80
    unhealthy_hosts  = 0
    target_5xx_count = 10
  }

  validation {
    condition     = var.thresholds.cpu_percent > 0 && var.thresholds.cpu_percent <= 100 && var.thresholds.memory_percent > 0 && var.thresholds.memory_percent <= 100
    error_message = "The cpu_percent and memory_percent must be in 1-100."
  }
}

variable "period_seconds" {
  description = "Period of every alarm's statistic."
  type        = number
  default     = 300

  validation {
    condition     = var.period_seconds >= 60 && var.period_seconds % 60 == 0
    error_message = "The period_seconds must be a multiple of 60."
  }
}

variable "evaluation_periods" {
  description = "Consecutive breaching periods before an alarm fires."
  type        = number
  default     = 2

  validation {
    condition     = var.evaluation_periods >= 1
    error_message = "The evaluation_periods must be at least 1."
  }
}
