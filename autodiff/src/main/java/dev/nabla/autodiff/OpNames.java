package dev.nabla.autodiff;

/** Class simple names, looked up once per class: {@link Class#getSimpleName()} is slow per call. */
final class OpNames {
    private static final ClassValue<String> NAMES = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    private OpNames() {
    }

    static String of(Class<?> type) {
        return NAMES.get(type);
    }
}
