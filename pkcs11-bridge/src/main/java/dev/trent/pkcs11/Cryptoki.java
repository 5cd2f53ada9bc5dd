package dev.trent.pkcs11;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What SunPKCS11 does not offer through JCA, taken from the JDK's own PKCS#11 wrapper
 * ({@code sun.security.pkcs11.wrapper}): the labels of a library's tokens, and the attributes of a key object as
 * the token reports them.
 *
 * <p>Reached by reflection, because javac refuses {@code --add-exports} together with {@code --release}. At run
 * time the JVM needs {@value #EXPORT_OPTION}; the trent jar's manifest adds it. The wrapper keeps one instance
 * per library path string and shares it with every SunPKCS11 provider for that path, so {@code C_Initialize}
 * runs once per library per process, whoever asks first, and with the same multi-threaded arguments SunPKCS11
 * uses.
 */
final class Cryptoki {

    static final String EXPORT_OPTION = "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    private static final String WRAPPER_EXCEPTION = WRAPPER + "PKCS11Exception";
    private static final int FIND_BATCH = 16;

    private final Object module;
    private final Class<?> attributeClass;

    private Cryptoki(Object module, Class<?> attributeClass) {
        this.module = module;
        this.attributeClass = attributeClass;
    }

    /**
     * The initialised wrapper for {@code library}, an absolute path that must be spelled exactly as in the
     * SunPKCS11 configuration, since both share the instance the wrapper keeps per path string.
     */
    static Cryptoki load(String library) {
        Class<?> wrapper;
        Class<?> initArgsClass;
        Class<?> attributeClass;
        try {
            wrapper = Class.forName(WRAPPER + "PKCS11");
            initArgsClass = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            attributeClass = Class.forName(WRAPPER + "CK_ATTRIBUTE");
        } catch (ClassNotFoundException e) {
            throw new Pkcs11Exception(Reason.JAVA_RUNTIME, "this Java runtime has no PKCS#11 support (the "
                    + "jdk.crypto.cryptoki module is missing)", e);
        }
        try {
            Object initArgs = initArgsClass.getConstructor().newInstance();
            initArgsClass.getField("flags").setLong(initArgs, Pkcs11Constants.CKF_OS_LOCKING_OK);
            Method getInstance = wrapper.getMethod("getInstance", String.class, String.class, initArgsClass,
                    boolean.class);
            Object module = getInstance.invoke(null, library, "C_GetFunctionList", initArgs, false);
            return new Cryptoki(module, attributeClass);
        } catch (IllegalAccessException e) {
            throw notExported(e);
        } catch (InvocationTargetException e) {
            String why = describe(e.getCause());
            // The JDK appends the library path to the dynamic linker's message, without a separator.
            if (why.endsWith(library) && why.length() > library.length()) {
                why = why.substring(0, why.length() - library.length());
            }
            throw new Pkcs11Exception(Reason.NOT_A_PKCS11_LIBRARY, "cannot load " + library + " as a PKCS#11 library: "
                    + why, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    /** The label of each token present, by slot id, in the library's slot order; labels are trimmed. */
    Map<Long, String> tokenLabels() {
        long[] slots = (long[]) call("C_GetSlotList", new Class<?>[] {boolean.class}, true);
        Map<Long, String> labels = new LinkedHashMap<>();
        for (long slot : slots) {
            Object tokenInfo = call("C_GetTokenInfo", new Class<?>[] {long.class}, slot);
            try {
                char[] label = (char[]) tokenInfo.getClass().getField("label").get(tokenInfo);
                // CK_TOKEN_INFO pads the label with blanks to 32 characters.
                labels.put(slot, new String(label).stripTrailing());
            } catch (IllegalAccessException e) {
                throw notExported(e);
            } catch (ReflectiveOperationException e) {
                throw incompatible(e);
            }
        }
        return labels;
    }

    /**
     * The values of {@code types} (Boolean, Long or byte[], as the wrapper decodes them) for every secret-key object
     * labelled {@code keyLabel} in the token in {@code slot}, read in a session of its own. Private objects are
     * visible only while the process is logged in to the token.
     */
    List<Object[]> secretKeyAttributes(long slot, String keyLabel, long... types) {
        long session = (long) call("C_OpenSession", new Class<?>[] {long.class, long.class, Object.class,
                classOf("CK_NOTIFY")}, slot, Pkcs11Constants.CKF_SERIAL_SESSION, null, null);
        try {
            List<Object[]> found = new ArrayList<>();
            for (long handle : findSecretKeys(session, keyLabel)) {
                Object template = template(types);
                call("C_GetAttributeValue", new Class<?>[] {long.class, long.class, template.getClass()},
                        session, handle, template);
                Object[] values = new Object[types.length];
                for (int i = 0; i < types.length; i++) {
                    values[i] = attributeClass.getField("pValue").get(Array.get(template, i));
                }
                found.add(values);
            }
            return found;
        } catch (IllegalAccessException e) {
            throw notExported(e);
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        } finally {
            call("C_CloseSession", new Class<?>[] {long.class}, session);
        }
    }

    /** The CKR_* code of the wrapper exception in {@code failure}'s cause chain, if there is one. */
    static OptionalLong errorCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(WRAPPER_EXCEPTION)) {
                try {
                    return OptionalLong.of((long) t.getClass().getMethod("getErrorCode").invoke(t));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** The wrapper's name for a PKCS#11 failure ({@code CKR_PIN_INCORRECT}), or the failure's own description. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(WRAPPER_EXCEPTION)) {
                return t.getMessage();
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message.strip();
    }

    private long[] findSecretKeys(long session, String keyLabel) throws ReflectiveOperationException {
        Object template = Array.newInstance(attributeClass, 2);
        Constructor<?> objectValued = attributeClass.getConstructor(long.class, Object.class);
        Constructor<?> longValued = attributeClass.getConstructor(long.class, long.class);
        Array.set(template, 0, longValued.newInstance(Pkcs11Constants.CKA_CLASS, Pkcs11Constants.CKO_SECRET_KEY));
        Array.set(template, 1, objectValued.newInstance(Pkcs11Constants.CKA_LABEL, keyLabel));
        call("C_FindObjectsInit", new Class<?>[] {long.class, template.getClass()}, session, template);
        try {
            List<Long> handles = new ArrayList<>();
            while (true) {
                long[] batch = (long[]) call("C_FindObjects", new Class<?>[] {long.class, long.class}, session,
                        (long) FIND_BATCH);
                for (long handle : batch) {
                    handles.add(handle);
                }
                if (batch.length < FIND_BATCH) {
                    return handles.stream().mapToLong(Long::longValue).toArray();
                }
            }
        } finally {
            call("C_FindObjectsFinal", new Class<?>[] {long.class}, session);
        }
    }

    private Object template(long... types) throws ReflectiveOperationException {
        Object template = Array.newInstance(attributeClass, types.length);
        Constructor<?> typeOnly = attributeClass.getConstructor(long.class);
        for (int i = 0; i < types.length; i++) {
            Array.set(template, i, typeOnly.newInstance(types[i]));
        }
        return template;
    }

    private Object call(String function, Class<?>[] parameterTypes, Object... arguments) {
        try {
            return module.getClass().getMethod(function, parameterTypes).invoke(module, arguments);
        } catch (InvocationTargetException e) {
            throw new Pkcs11Exception(Reason.TOKEN_FAILURE, function + " failed: " + describe(e.getCause()),
                    e.getCause());
        } catch (IllegalAccessException e) {
            throw notExported(e);
        } catch (ReflectiveOperationException e) {
            throw incompatible(e);
        }
    }

    private static Class<?> classOf(String simpleName) {
        try {
            return Class.forName(WRAPPER + simpleName);
        } catch (ClassNotFoundException e) {
            throw incompatible(e);
        }
    }

    private static Pkcs11Exception notExported(Exception e) {
        return new Pkcs11Exception(Reason.JAVA_RUNTIME, "reading PKCS#11 token labels needs the JVM option "
                + EXPORT_OPTION + " (the trent jar sets it in its manifest; add it when running Trent otherwise)", e);
    }

    private static Pkcs11Exception incompatible(Exception e) {
        return new Pkcs11Exception(Reason.JAVA_RUNTIME, "this Java runtime's PKCS#11 wrapper is not the one Trent "
                + "knows (" + e + ")", e);
    }
}
