package io.portevoix.tenancy.adapter.web;

import java.util.NoSuchElementException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any {@code /api/**} path no controller serves is a 404 problem, never the UI's page. */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown() {
        throw new NoSuchElementException("No such API endpoint");
    }
}
