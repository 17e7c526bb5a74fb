package io.portevoix.tenancy.adapter.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI porteVoixOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Porte-Voix API").version("v1").description("""
                        Contacts, imports, segments, campaigns and credits of one account. Authenticate with \
                        `Authorization: Bearer <api key>` (Settings → API keys). Errors are RFC 9457 problem documents."""))
                .components(new Components().addSecuritySchemes("apiKey",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }
}
