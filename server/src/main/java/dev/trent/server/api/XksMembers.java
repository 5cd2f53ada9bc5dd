package dev.trent.server.api;

import java.util.List;

/**
 * The external key store (XKS) members of CreateCustomKeyStore and UpdateCustomKeyStore, read with the model's
 * constraints so a malformed one is reported as AWS reports it, before Trent refuses external key stores.
 */
public final class XksMembers {

    /** The members, in the model's order (the same in both operations). */
    public static final List<String> NAMES = List.of("XksProxyUriEndpoint", "XksProxyUriPath",
            "XksProxyVpcEndpointServiceName", "XksProxyVpcEndpointServiceOwner", "XksProxyAuthenticationCredential",
            "XksProxyConnectivity");

    /** XksProxyConnectivityType. */
    private enum Connectivity { PUBLIC_ENDPOINT, VPC_ENDPOINT_SERVICE }

    private XksMembers() {
    }

    /** Reads every XKS member that is present; the violations join the request's. */
    public static void read(JsonRequest request) {
        request.string("XksProxyUriEndpoint", 10, 128, ModelPatterns.XKS_PROXY_URI_ENDPOINT);
        request.string("XksProxyUriPath", 10, 128, ModelPatterns.XKS_PROXY_URI_PATH);
        request.string("XksProxyVpcEndpointServiceName", 20, 64, ModelPatterns.XKS_PROXY_VPC_ENDPOINT_SERVICE_NAME);
        request.string("XksProxyVpcEndpointServiceOwner", 12, 12, ModelPatterns.ACCOUNT_ID);
        request.structure("XksProxyAuthenticationCredential").ifPresent(credential -> {
            credential.required("AccessKeyId");
            credential.sensitiveString("AccessKeyId", 20, 30, ModelPatterns.XKS_ACCESS_KEY_ID);
            credential.required("RawSecretAccessKey");
            credential.sensitiveString("RawSecretAccessKey", 43, 64, ModelPatterns.XKS_RAW_SECRET_ACCESS_KEY);
        });
        request.enumValue("XksProxyConnectivity", Connectivity.class);
    }
}
