# Legacy wrote the database password into the task definition as plain text.
# It is generated here and injected by the ECS agent through `secrets`; it is
# in the (encrypted) state, never in code or in the task definition.
resource "random_password" "database" {
  length  = 32
  special = false
}

resource "aws_secretsmanager_secret" "database" {
  name                    = "${var.name_prefix}/stockwiz/database"
  description             = "PostgreSQL credentials of the task's database container"
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "database" {
  secret_id = aws_secretsmanager_secret.database.id
  secret_string = jsonencode({
    username = var.database_user
    password = random_password.database.result
  })
}
