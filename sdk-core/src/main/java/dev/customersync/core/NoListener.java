package dev.customersync.core;

/** The shared do-nothing listener and factory behind {@link VendorCallListener#none()}. */
final class NoListener implements VendorCallListener {

  static final NoListener INSTANCE = new NoListener();
  static final VendorCallListener.Factory FACTORY = call -> INSTANCE;

  private NoListener() {}

  @Override
  public String toString() {
    return "VendorCallListener.none()";
  }
}
