package dev.trent.server.sts;

import dev.trent.server.query.Xml;

/** The Credentials element AssumeRole and GetSessionToken answer with. */
public final class StsXml {

    private StsXml() {
    }

    public static void credentials(Xml xml, Session session, SessionTokens tokens) {
        xml.start("Credentials").element("AccessKeyId", session.accessKeyId())
                .element("SecretAccessKey", tokens.secretFor(session.accessKeyId()))
                .element("SessionToken", tokens.issue(session))
                .element("Expiration", session.expiration()).end();
    }
}
