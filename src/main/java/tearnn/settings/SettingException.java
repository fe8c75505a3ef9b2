package tearnn.settings;

/** A value refused by a setting's check; {@code field} names the setting, the message says what is wrong. */
public final class SettingException extends IllegalArgumentException {
    public final String field;

    public SettingException(String field, String message) {
        super(message);
        this.field = field;
    }
}
