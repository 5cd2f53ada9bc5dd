package dev.trent.server.api;

import java.util.regex.Pattern;

/**
 * The string patterns of the KMS model's input shapes, each with the text AWS prints in a violation message
 * (the model's own spelling). AWS matches a pattern against the whole value.
 */
public record ModelPatterns(Pattern pattern, String shown) {

    /** AliasNameType (also GrantNameType). */
    public static final ModelPatterns ALIAS_NAME = of("^[a-zA-Z0-9:/_-]+$");
    /** MarkerType: printable Latin-1, possibly empty. */
    public static final ModelPatterns MARKER = of("[\\u0020-\\u00FF]*");
    /** BackingKeyIdType: a key material id, 64 lower-case hex digits. */
    public static final ModelPatterns KEY_MATERIAL_ID = of("^[a-f0-9]+$");
    /** KeyMaterialDescriptionType. */
    public static final ModelPatterns KEY_MATERIAL_DESCRIPTION = of("^[a-zA-Z0-9:/_\\s.-]+$");
    /** XksKeyIdType. */
    public static final ModelPatterns XKS_KEY_ID = of("^[a-zA-Z0-9-_.]+$");
    /** XksProxyUriEndpointType. */
    public static final ModelPatterns XKS_PROXY_URI_ENDPOINT = of("^https://[a-zA-Z0-9.-]+$");
    /** XksProxyUriPathType. */
    public static final ModelPatterns XKS_PROXY_URI_PATH =
            of("^(/[a-zA-Z0-9\\/_-]+/kms/xks/v\\d{1,2})$|^(/kms/xks/v\\d{1,2})$");
    /** XksProxyVpcEndpointServiceNameType. */
    public static final ModelPatterns XKS_PROXY_VPC_ENDPOINT_SERVICE_NAME =
            of("^(com|eu)\\.amazonaws\\.vpce\\.([a-z]+-){2,3}\\d+\\.vpce-svc-[0-9a-z]+$");
    /** AccountIdType (XksProxyVpcEndpointServiceOwner). */
    public static final ModelPatterns ACCOUNT_ID = of("[0-9]{12}");
    /** XksProxyAuthenticationAccessKeyIdType. */
    public static final ModelPatterns XKS_ACCESS_KEY_ID = of("^[A-Z2-7]+$");
    /** XksProxyAuthenticationRawSecretAccessKeyType. */
    public static final ModelPatterns XKS_RAW_SECRET_ACCESS_KEY = of("^[a-zA-Z0-9\\/+=]+$");

    private static ModelPatterns of(String shown) {
        return new ModelPatterns(Pattern.compile(shown), shown);
    }
}
