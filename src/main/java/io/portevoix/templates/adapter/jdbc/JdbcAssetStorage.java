package io.portevoix.templates.adapter.jdbc;

import io.portevoix.shared.AccountId;
import io.portevoix.templates.AssetId;
import io.portevoix.templates.ImageAsset;
import io.portevoix.templates.application.port.AssetStorage;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAssetStorage implements AssetStorage {

    private final JdbcClient jdbc;

    JdbcAssetStorage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void store(AccountId account, StoredAsset asset, String sha256, byte[] content, String createdBy) {
        jdbc.sql("""
                insert into templates.asset (account_id, id, file_name, content_type, size, width, height, sha256, content,
                  created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(account.value(), asset.id().value(), asset.fileName(), asset.contentType(), asset.size(),
                        asset.width(), asset.height(), sha256, content, createdBy, Timestamp.from(asset.createdAt()))
                .update();
    }

    @Override
    public List<StoredAsset> list(AccountId account) {
        return jdbc.sql("""
                select id, file_name, content_type, size, width, height, created_at from templates.asset
                where account_id = ? order by created_at desc""")
                .param(account.value())
                .query((rs, n) -> new StoredAsset(new AssetId(rs.getObject("id", UUID.class)), rs.getString("file_name"),
                        rs.getString("content_type"), rs.getLong("size"), rs.getInt("width"), rs.getInt("height"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Override
    public Optional<ImageAsset> load(AccountId account, AssetId id) {
        return jdbc.sql("select content_type, sha256, content from templates.asset where account_id = ? and id = ?")
                .params(account.value(), id.value())
                .query((rs, n) -> new ImageAsset(id, rs.getString("content_type"), rs.getString("sha256"),
                        rs.getBytes("content")))
                .optional();
    }

    @Override
    public boolean delete(AccountId account, AssetId id) {
        return jdbc.sql("delete from templates.asset where account_id = ? and id = ?").params(account.value(), id.value())
                .update() == 1;
    }
}
