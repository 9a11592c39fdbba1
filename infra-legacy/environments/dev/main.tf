locals {
  # CONTRACT.md section 1: one target group per service, keyed by container name.
  app_services = {
    api-gateway = {
      port         = 8000
      target_group = "${var.environment}-api-gw-tg"
    }
    product-service = {
      port         = 8001
      target_group = "${var.environment}-product-svc-tg"
    }
    inventory-service = {
      port         = 8002
      target_group = "${var.environment}-inventory-svc-tg"
    }
  }

  # The listener rules; everything else goes to the gateway (the default action).
  listener_routes = {
    product-service = {
      priority      = 100
      path_patterns = ["/products/*", "/api/products/*"]
    }
    inventory-service = {
      priority      = 200
      path_patterns = ["/inventory/*", "/api/inventory/*"]
    }
  }
}

module "network" {
  source = "../../modules/network"

  name_prefix = var.environment
  vpc_cidr    = "10.0.0.0/16"
  public_subnets = {
    us-east-1a = "10.0.1.0/24"
    us-east-1b = "10.0.2.0/24"
  }
  private_subnets = {
    us-east-1a = "10.0.11.0/24"
    us-east-1b = "10.0.12.0/24"
  }
  container_port_range = {
    from = 8000
    to   = 8002
  }
  flow_log_retention_days = 30
}

module "ecr" {
  source = "../../modules/ecr"

  name_prefix  = "${var.environment}-stockwiz"
  repositories = ["api-gateway", "product-service", "inventory-service", "postgres"]
}

module "alb" {
  source = "../../modules/alb"

  name                  = "${var.environment}-alb"
  vpc_id                = module.network.vpc_id
  subnet_ids            = module.network.public_subnet_ids
  security_group_id     = module.network.alb_security_group_id
  services              = local.app_services
  routes                = local.listener_routes
  default_service       = "api-gateway"
  deregistration_delay  = 15
  health_check_interval = 30
}

module "ecs" {
  source = "../../modules/ecs"

  name_prefix          = var.environment
  image_tag            = var.image_tag
  repository_urls      = module.ecr.repository_urls
  app_services         = local.app_services
  target_group_arns    = module.alb.target_group_arns
  subnet_ids           = module.network.private_subnet_ids
  security_group_id    = module.network.task_security_group_id
  task_cpu             = 2048
  task_memory          = 4096
  log_retention_days   = 7
  database_name        = "microservices_db"
  database_user        = "postgres"
  stop_timeout_seconds = 15
}

module "monitoring" {
  source = "../../modules/monitoring"

  name_prefix               = var.environment
  alert_email               = var.alert_email
  cluster_name              = module.ecs.cluster_name
  service_name              = module.ecs.service_name
  load_balancer_arn_suffix  = module.alb.arn_suffix
  app_services              = local.app_services
  target_group_arn_suffixes = module.alb.target_group_arn_suffixes
}
