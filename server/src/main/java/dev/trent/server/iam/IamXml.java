package dev.trent.server.iam;

import dev.trent.server.query.Xml;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** IAM's answer shapes: User, Role and Policy elements as GetUser, GetRole and GetPolicy write them. */
public final class IamXml {

    private IamXml() {
    }

    public static void user(Xml xml, IamUser user) {
        xml.start("User").element("Path", user.path()).element("UserName", user.name())
                .element("UserId", user.id()).element("Arn", user.arn()).element("CreateDate", user.created());
        if (!user.tags().isEmpty()) {
            xml.tags("Tags", user.tags());
        }
        xml.end();
    }

    public static void role(Xml xml, IamRole role) {
        xml.start("Role").element("Path", role.path()).element("RoleName", role.name())
                .element("RoleId", role.id()).element("Arn", role.arn()).element("CreateDate", role.created())
                .element("AssumeRolePolicyDocument", encoded(role.trustPolicy()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        if (!role.tags().isEmpty()) {
            xml.tags("Tags", role.tags());
        }
        xml.end();
    }

    public static void policy(Xml xml, ManagedPolicy policy, int attachments) {
        xml.start("Policy").element("PolicyName", policy.name()).element("PolicyId", policy.id())
                .element("Arn", policy.arn()).element("Path", policy.path())
                .element("DefaultVersionId", ManagedPolicy.DEFAULT_VERSION)
                .element("AttachmentCount", attachments).element("PermissionsBoundaryUsageCount", 0)
                .element("IsAttachable", true).element("Description", policy.description())
                .element("CreateDate", policy.created()).element("UpdateDate", policy.created());
        if (!policy.tags().isEmpty()) {
            xml.tags("Tags", policy.tags());
        }
        xml.end();
    }

    /** IAM returns policy documents URL-encoded (RFC 3986), as the CLI and SDKs expect to decode them. */
    public static String encoded(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
