// Placeholder until the credentials feature lands: the practitioner detail page renders this.
export async function CredentialsPanel({ practitionerId }: { practitionerId: string }) {
  void practitionerId;
  return null;
}
