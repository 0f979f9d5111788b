package org.partnerprogram.core.port.in;

import java.util.regex.Pattern;
import org.partnerprogram.core.domain.InvalidInputException;

/**
 * Where a page ended, as an opaque, URL-safe token: hand it to a host's page as a query parameter
 * and back to the query's {@code after(..)}. Only the query kind that returned a position accepts
 * it (a ledger position is refused by the payout query); a token that no query returned is refused
 * with an {@link InvalidInputException}.
 *
 * @param token the token, 1 to {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9_-]}
 */
public record PagePosition(String token) {
  /** The longest token. */
  public static final int MAX_LENGTH = 400;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}");

  /**
   * Checks the token's form (what it names is checked by the query it is given to).
   *
   * @throws InvalidInputException if the token is null, empty, too long or not URL-safe
   */
  public PagePosition {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new InvalidInputException(
          "after", "is not a page position (1 to " + MAX_LENGTH + " URL-safe characters)");
    }
  }

  /**
   * A position from a token a query returned, e.g. read back from a request parameter.
   *
   * @param token the token; never null
   * @return the position
   * @throws InvalidInputException if the token is not of a position's form
   */
  public static PagePosition of(String token) {
    return new PagePosition(token);
  }

  @Override
  public String toString() {
    return token;
  }
}
