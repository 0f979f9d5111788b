/**
 * Runnable host applications that show how to wire the SDK in. Start with {@link
 * org.partnerprogram.examples.QuickStart}.
 */
package org.partnerprogram.examples;
