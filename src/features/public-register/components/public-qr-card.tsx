// Placeholder until the public register lands: the practitioner detail page renders this.
export async function PublicQrCard({ practitionerId }: { practitionerId: string }) {
  void practitionerId;
  return null;
}
