package io.portevoix.tenancy.adapter.web;

import io.portevoix.shared.AccountId;
import io.portevoix.tenancy.AccountQueries;
import io.portevoix.tenancy.BrandingImageKind;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves an account's branding images to e-mails and public pages (no login), with cache headers. */
@RestController
class BrandingImageController {

    private final AccountQueries accounts;

    BrandingImageController(AccountQueries accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/public/branding/{account}/{kind}")
    ResponseEntity<byte[]> image(@PathVariable String account, @PathVariable String kind) {
        AccountId id;
        BrandingImageKind imageKind;
        try {
            id = new AccountId(UUID.fromString(account));
            imageKind = BrandingImageKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return accounts.brandingImage(id, imageKind)
                .map(image -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(image.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                        .lastModified(image.updatedAt())
                        .body(image.data()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
