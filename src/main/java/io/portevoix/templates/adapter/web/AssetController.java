package io.portevoix.templates.adapter.web;

import io.portevoix.shared.AccountId;
import io.portevoix.templates.AssetId;
import io.portevoix.templates.TemplateAssets;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Images of the library as recipients' mail clients fetch them. An image never changes once
 * stored (a new upload is a new id), so it is cached for a year and revalidated by its hash.
 */
@RestController
class AssetController {

    private final TemplateAssets assets;

    AssetController(TemplateAssets assets) {
        this.assets = assets;
    }

    @GetMapping("/public/assets/{account}/{asset}")
    ResponseEntity<byte[]> image(@PathVariable String account, @PathVariable String asset) {
        AccountId accountId;
        AssetId assetId;
        try {
            accountId = new AccountId(UUID.fromString(account));
            assetId = new AssetId(UUID.fromString(asset));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.notFound().build();
        }
        return assets.publicImage(accountId, assetId)
                .map(image -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(image.contentType()))
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                        .eTag("\"" + image.sha256() + "\"")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(image.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
