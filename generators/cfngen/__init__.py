"""cfnpp's generator of typed resource headers from @aws-cdk/aws-service-spec."""
